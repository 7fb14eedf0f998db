# By identity (Terraform 1.12 and later): the form terraform query
# -generate-config-out writes.
import {
  to       = oneapi_otp_template.login
  identity = { id = "515" }
}

resource "oneapi_otp_template" "login" {
  name = "Login code"
  text = "Your login code is {code2fa}"
}
