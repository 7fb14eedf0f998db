# Imported by the contact list's id: every contact of the list comes under
# the resource.
terraform import oneapi_contact_list_members.newsletter 1864620
