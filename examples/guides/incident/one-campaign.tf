# The kill switch for one campaign, whether or not any state holds it:
#
#   terraform apply -invoke=action.oneapi_campaign_stop.runaway -var campaign_id=53708808
#
# Nothing else in the configuration is planned or applied by -invoke.
variable "campaign_id" {
  type        = string
  description = "Id of the campaign to stop, as the web interface or the API shows it. No default: name it with -var campaign_id=..."
  default     = null # plans of the rest of the directory need no id
}

action "oneapi_campaign_stop" "runaway" {
  config {
    # An -invoke without -var campaign_id=... (or with an id that is not
    # digits) fails here, at plan, naming var.campaign_id: nothing is sent.
    campaign_id = regex("^[0-9]+$", var.campaign_id)
    timeouts    = { invoke = "10m" }
  }
}
