# A contact list is imported by its numeric id (GET /api/groups lists them).
terraform import oneapi_contact_list.vip 1864620
