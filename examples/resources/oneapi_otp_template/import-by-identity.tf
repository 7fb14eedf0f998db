# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes. Here the account's default template (its id
# as the oneapi_otp_templates data source lists it): One-API does not
# delete it, so its destroy only removes it from the state, with a warning.
import {
  to       = oneapi_otp_template.default
  identity = { id = "1" }
}

resource "oneapi_otp_template" "default" {
  name = "Default"
  text = "Your code is {code2fa}"
}
