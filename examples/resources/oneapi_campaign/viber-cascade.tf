# A Viber campaign with an SMS for every recipient Viber cannot reach (a
# cascade: POST /api/campaigns/send with channels = ["viber", "sms"]).
resource "oneapi_campaign" "spring_sale" {
  recipients = {
    phones = ["380661231230", "380661231231", "380661231232"]
  }

  viber = {
    sender         = "ViberShop"
    text           = "Spring sale: 20% off everything until Sunday."
    image_url      = "https://example.com/spring-sale.png"
    button_caption = "Open the shop"
    link_url       = "https://example.com/sale"
  }

  sms_fallback = {
    sender = "Shop"
    text   = "Spring sale: 20% off everything until Sunday. example.com/sale"
  }

  validity_hours = 24
}

output "spring_sale_viber" {
  value = oneapi_campaign.spring_sale.statistics
}

output "spring_sale_sms" {
  value = oneapi_campaign.spring_sale.sms_fallback_statistics
}
