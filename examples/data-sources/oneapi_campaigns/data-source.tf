# Every RCS campaign of one agent that is still running.
data "oneapi_campaigns" "running" {
  type   = "rcs"
  sender = "shop_agent"
  status = ["moderation", "scheduled", "sending", "paused"]
}

output "running_campaign_ids" {
  value = data.oneapi_campaigns.running.ids
}
