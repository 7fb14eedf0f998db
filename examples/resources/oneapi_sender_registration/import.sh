# A sender registration request is imported by its numeric id
# (GET /api/senders/requests/sms lists them; terraform query finds them).
terraform import oneapi_sender_registration.testsms 11631
