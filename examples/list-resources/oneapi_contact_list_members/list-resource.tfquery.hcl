# The contacts of one list, as one oneapi_contact_list_members.
list "oneapi_contact_list_members" "vip" {
  provider         = oneapi
  include_resource = true

  config {
    contact_list_id = "1864620"
  }
}
