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

  # A new campaign must start within the next 30 days. This one starts a day
  # after the apply that creates it; ignore_changes keeps that time, since
  # plantimestamp() moves with every plan. A fixed time in the next 30 days
  # works as well: "yyyy-mm-dd hh:mm:ss" in the provider's time_zone, or
  # RFC 3339 with an offset ("yyyy-mm-ddThh:mm:ss+02:00").
  start_at       = timeadd(plantimestamp(), "24h")
  validity_hours = 48

  # Reviewed in a pull request: change to "stopped" to cancel the campaign.
  desired_state = "active"

  lifecycle {
    ignore_changes = [start_at]
  }
}

output "black_friday_status" {
  value = oneapi_campaign.black_friday.status
}

output "black_friday_delivered" {
  value = oneapi_campaign.black_friday.statistics.delivered
}
