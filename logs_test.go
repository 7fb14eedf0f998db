package main

import (
	"reflect"
	"testing"
)

func TestQuietUnreadLogs(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{"no logging asked: all off", map[string]string{},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_ONEAPI": "OFF"}},
		{"TF_LOG set: untouched", map[string]string{"TF_LOG": "DEBUG"}, map[string]string{"TF_LOG": "DEBUG"}},
		{"TF_LOG_PROVIDER set: untouched", map[string]string{"TF_LOG_PROVIDER": "TRACE"}, map[string]string{"TF_LOG_PROVIDER": "TRACE"}},
		{"explicit level kept", map[string]string{"TF_LOG_SDK_FRAMEWORK": "DEBUG"},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "DEBUG", "TF_LOG_PROVIDER_ONEAPI": "OFF"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = v
			}
			quietUnreadLogs(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if !reflect.DeepEqual(env, c.want) {
				t.Errorf("environment = %v, want %v", env, c.want)
			}
		})
	}
}
