# A campaign is imported by the numeric id One-API returned when it was created.
terraform import oneapi_campaign.example 53708807
