# The active links of one domain (here, the platform's own).
list "oneapi_short_link" "system" {
  provider         = oneapi
  include_resource = true

  config {
    domain_id = "db05af9e-107e-4ed6-b1ac-a373d90109c8"
    status    = "active"
  }
}
