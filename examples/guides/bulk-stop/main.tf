# Stop every campaign of one sender that can still send, in one reviewed
# pull request: the data source finds them, the import blocks bring them
# into the state, and desired_state = "stopped" stops each (one PUT
# .../stop per campaign). Terraform 1.7 or later (import with for_each).
data "oneapi_campaigns" "runaway" {
  sender = "rcs_sender"
  status = ["creation", "moderation", "scheduled", "sending", "paused"]
}

import {
  for_each = toset(data.oneapi_campaigns.runaway.ids)
  to       = oneapi_campaign.runaway[each.value]
  id       = each.value
}

resource "oneapi_campaign" "runaway" {
  for_each      = toset(data.oneapi_campaigns.runaway.ids)
  desired_state = "stopped"
}
