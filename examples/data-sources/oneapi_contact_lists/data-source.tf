# A list made in the web interface, by its unique name.
data "oneapi_contact_lists" "newsletter" {
  name = "Newsletter"
}

output "newsletter_list_id" {
  value = one(data.oneapi_contact_lists.newsletter.ids)
}
