# What an SMS campaign to a contact list would cost; nothing is sent.
data "oneapi_campaign_price" "sale" {
  recipients = { groups = [1864620] }
  sender     = "Shop"
  text       = "Friday sale: 20% off everything"
}

output "sale_price" {
  value = "${data.oneapi_campaign_price.sale.price} ${data.oneapi_campaign_price.sale.currency}"
}
