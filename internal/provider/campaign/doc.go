// Package campaign is the campaign family: the oneapi_campaign resource
// (resource.go, with its schema, model, plan rules, validation, refresh,
// stop and renew, unresolved creates, and the fast plan and upgrade paths
// the provider's server hands it) and the oneapi_campaign,
// oneapi_campaigns and oneapi_campaign_price data sources.
package campaign
