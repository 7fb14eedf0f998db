# The kill switch for one campaign, whether or not any state holds it:
#
#   terraform apply -invoke=action.oneapi_campaign_stop.runaway -var campaign_id=53708808
#
# Nothing else in the configuration is planned or applied by -invoke.
variable "campaign_id" {
  type        = string
  description = "Id of the campaign to stop, as the web interface or the API shows it."
  default     = "53708808"
}

action "oneapi_campaign_stop" "runaway" {
  config {
    campaign_id = var.campaign_id
    timeouts    = { invoke = "10m" }
  }
}
