list "oneapi_otp_template" "approved" {
  provider         = oneapi
  include_resource = true

  config {
    status = "approved"
  }
}
