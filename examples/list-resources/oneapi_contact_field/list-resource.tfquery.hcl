# Every custom contact field; config { name = "country" } finds one by name.
list "oneapi_contact_field" "all" {
  provider         = oneapi
  include_resource = true
}
