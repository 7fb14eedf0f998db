# An SMS campaign whose text carries a short link on the account's
# short-link domain, with its delivery reports sent to a webhook and a
# tariff of the account (checked against its active tariffs at plan).
resource "oneapi_campaign" "weekend_offer" {
  recipients = {
    phones = ["380661231231", "380661231232"]
  }

  sms = {
    sender = "Shop"
    text   = "Weekend offer: 2 for 1. LINK"
    short_links = [{
      link        = "https://example.com/weekend?utm_source=sms"
      placeholder = "LINK"
      domain_ids  = ["21b6f472-7e9a-4c71-9518-e9a0e0b09284"]
    }]
  }

  callback_url = "https://hooks.example.com/oneapi/delivery"
  tariff_code  = 9
}
