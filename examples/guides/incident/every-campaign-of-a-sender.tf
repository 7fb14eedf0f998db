# The kill switch for every campaign of one sender that can still send:
#
#   terraform apply -invoke=action.oneapi_campaign_stop.sender -var sender=rcs_sender
#
# -invoke on an action with for_each invokes every instance (one stop each);
# -invoke='action.oneapi_campaign_stop.sender["53708808"]' invokes one.
variable "sender" {
  type        = string
  description = "The RCS agent or SMS sender whose campaigns must stop. When none of its campaigns can still send, -invoke invokes nothing."
  default     = "rcs_sender"
}

data "oneapi_campaigns" "sender" {
  sender = var.sender
  status = ["creation", "moderation", "scheduled", "sending", "paused"]
}

action "oneapi_campaign_stop" "sender" {
  for_each = toset(data.oneapi_campaigns.sender.ids)
  config {
    campaign_id = each.value
  }
}
