# The contacts of one list; config { phone = "380661231231" } finds one.
list "oneapi_contact" "vip" {
  provider         = oneapi
  include_resource = true

  config {
    contact_list_id = "1864620"
  }
}
