# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_contact.tester
  identity = { id = "248452739" }
}

resource "oneapi_contact" "tester" {
  phone = "380661231239"
}
