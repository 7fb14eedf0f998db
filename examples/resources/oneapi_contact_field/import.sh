# A field is imported by its numeric id (GET /api/contacts/fields lists them).
terraform import oneapi_contact_field.country 387714
