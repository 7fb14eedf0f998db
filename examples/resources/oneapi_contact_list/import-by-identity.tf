# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_contact_list.newsletter
  identity = { id = "1864620" }
}

resource "oneapi_contact_list" "newsletter" {
  name = "Newsletter"
}
