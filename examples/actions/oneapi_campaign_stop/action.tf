# Stop any campaign of the account by id, in a state or not:
#
#   terraform apply -invoke=action.oneapi_campaign_stop.runaway
#
# Progress shows each status the provider reads until the campaign is
# stopped; a campaign already stopped, done or spam is a success with no
# stop request.
action "oneapi_campaign_stop" "runaway" {
  config {
    campaign_id = "53708808"
    timeouts    = { invoke = "10m" }
  }
}
