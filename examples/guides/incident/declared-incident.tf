# An incident declared in code: setting incident to a ticket id in a pull
# request stops, in the same reviewed apply, every campaign of the sender
# that can still send: the plan lists each stop as an action to invoke
# (one terraform_data per campaign records that it was stopped for this
# incident). Clearing incident later stops nothing.
variable "incident" {
  type        = string
  description = "The open incident's ticket id, or \"\" when there is none."
  default     = ""
}

resource "terraform_data" "incident_stop" {
  for_each = var.incident == "" ? toset([]) : toset(data.oneapi_campaigns.sender.ids)
  input    = var.incident

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.oneapi_campaign_stop.sender[each.key]]
    }
  }
}
