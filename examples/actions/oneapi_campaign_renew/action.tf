# Resume a campaign that paused (for example when the balance ran out),
# once the balance is topped up:
#
#   terraform apply -invoke=action.oneapi_campaign_renew.resume
action "oneapi_campaign_renew" "resume" {
  config {
    campaign_id = "53708808"
  }
}
