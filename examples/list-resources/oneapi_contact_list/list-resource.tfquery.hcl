list "oneapi_contact_list" "vip" {
  provider         = oneapi
  include_resource = true

  config {
    name = "VIP"
  }
}
