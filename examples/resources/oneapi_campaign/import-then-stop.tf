# Cancel a campaign that was sent outside Terraform: import it by id, set
# desired_state = "stopped", apply. The plan warns that stopping is
# irreversible; the apply sends exactly one PUT /api/campaigns/{id}/stop.
import {
  to = oneapi_campaign.runaway
  id = "53708808"
}

resource "oneapi_campaign" "runaway" {
  # No content needed: the API does not return it, and an imported campaign
  # may omit recipients, rcs and sms.
  desired_state = "stopped"
}
