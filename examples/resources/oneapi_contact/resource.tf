# A staff member who receives every campaign as a test before it goes out.
# An account in test mode sends only to numbers in its contact book.
resource "oneapi_contact_list" "staff" {
  name = "Staff"
}

resource "oneapi_contact" "anna" {
  phone         = "380661231231"
  contact_lists = [oneapi_contact_list.staff.id]
  fields        = { "387714" = "Anna" } # custom field id => value
}
