# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_campaign.runaway
  identity = { id = "53708808" }
}
