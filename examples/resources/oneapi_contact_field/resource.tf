# A custom field, and a contact with a value for it: fields is keyed by the
# field's id. A campaign text to contact lists names it as {id}.
resource "oneapi_contact_field" "city" {
  name        = "city"
  description = "Where the customer lives"
  type        = "text"
}

resource "oneapi_contact" "olena" {
  phone  = "380661231234"
  fields = { (oneapi_contact_field.city.id) = "Lviv" }
}
