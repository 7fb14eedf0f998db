list "oneapi_sender_registration" "registered" {
  provider         = oneapi
  include_resource = true

  config {
    status       = "registered"
    country_code = "UA"
  }
}
