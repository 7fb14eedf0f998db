# A contact is imported by its numeric id.
terraform import oneapi_contact.anna 248452739
