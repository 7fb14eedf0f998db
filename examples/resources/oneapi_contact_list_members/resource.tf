# Contacts kept in a list by id: for lists too large for one oneapi_contact
# per phone, such as contacts a CRM export created. Contacts of the list
# that are not named here are left alone.
variable "crm_contact_ids" {
  type    = list(string)
  default = ["248460001", "248460002"]
}

resource "oneapi_contact_list" "newsletter" {
  name = "Newsletter"
}

resource "oneapi_contact_list_members" "newsletter" {
  contact_list_id = oneapi_contact_list.newsletter.id
  contact_ids     = var.crm_contact_ids
}
