# A short-link domain is imported by its uuid (the oneapi_short_url_domain
# list resource finds them).
terraform import oneapi_short_url_domain.go db05af9e-107e-4ed6-b1ac-a373d90109c8
