// Package message is the single message: the oneapi_message_send action, a
// proof message to one phone before a campaign goes out.
package message
