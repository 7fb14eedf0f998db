# The template of a name, for its template_id.
data "oneapi_otp_templates" "login" {
  name = "Login code"
}

# Every approved template.
data "oneapi_otp_templates" "approved" {
  status = "approved"
}

output "login_template_id" {
  value = one(data.oneapi_otp_templates.login.ids)
}
