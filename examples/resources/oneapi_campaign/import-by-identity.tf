# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_campaign.by_identity
  identity = { id = "53708809" }
}

resource "oneapi_campaign" "by_identity" {}
