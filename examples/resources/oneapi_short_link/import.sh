# A short link is imported by its uuid (the oneapi_short_link list resource
# finds them); the import reads its domain, name and status from the lists.
terraform import oneapi_short_link.sale 3338470c-4647-4f8d-a503-afce21e6312a
