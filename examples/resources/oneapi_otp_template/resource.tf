# A 2FA message template: One-API puts the one-time password where the
# text says {code2fa}. A change to name, text or countries replaces it.
resource "oneapi_otp_template" "login" {
  name              = "Login code"
  text              = "Your login code is {code2fa}. Do not share it."
  countries         = ["UA", "PT"]
  wait_for_approval = true

  timeouts = {
    create = "1h"
  }
}

# The id is the template_id that POST /api/2fa/authentications/otp takes.
output "login_template_id" {
  value = oneapi_otp_template.login.id
}
