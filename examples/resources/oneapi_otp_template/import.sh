# A 2FA template is imported by its numeric template_id (the
# oneapi_otp_templates data source lists them).
terraform import oneapi_otp_template.login 515
