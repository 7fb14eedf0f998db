# A contact list to send campaigns to.
resource "oneapi_contact_list" "vip" {
  name        = "VIP customers"
  description = "Customers who bought twice this year"
}
