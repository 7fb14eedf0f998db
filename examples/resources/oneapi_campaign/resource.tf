# A scheduled RCS campaign with an SMS fallback for phones RCS cannot reach.
resource "oneapi_campaign" "black_friday" {
  recipients = {
    phones = ["380661231231", "380661231232", "380661231233"]
  }

  rcs = {
    sender = "shop_agent"
    cards = [{
      title     = "Black Friday"
      text      = "Everything at half price until Sunday."
      media_url = "https://example.com/black-friday.png"
      suggestions = [
        { type = "link", text = "Shop now", url = "https://example.com/sale", postback_data = "shop" },
        { type = "call", text = "Call us", phone = "380991112233" },
      ]
    }]
  }

  sms_fallback = {
    sender         = "Shop"
    text           = "Black Friday: everything at half price until Sunday. example.com/sale"
    validity_hours = 24
  }

  # UTC in the API's layout; RFC 3339 with an offset is accepted too.
  start_at       = "2027-01-15 08:00:00"
  validity_hours = 48

  # Reviewed in a pull request: change to "stopped" to cancel the campaign.
  desired_state = "active"
}

output "black_friday_status" {
  value = oneapi_campaign.black_friday.status
}

output "black_friday_delivered" {
  value = oneapi_campaign.black_friday.statistics.delivered
}
