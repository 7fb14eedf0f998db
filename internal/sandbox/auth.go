package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The JWTs are HS256-signed with a secret of this process, carry iat and
// exp on the stand-in's clock, and are checked on every API call.

func (s *Sandbox) issueToken() string {
	s.mu.Lock()
	s.tokenSeq++
	seq := s.tokenSeq
	s.mu.Unlock()
	now := s.clock.Now()
	header := b64(`{"typ":"JWT","alg":"HS256"}`)
	payload := b64(fmt.Sprintf(`{"iat":%d,"exp":%d,"roles":[],"id":208,"jti":%d}`,
		now.Unix(), now.Add(s.cfg.TokenLifetime).Unix(), seq))
	token := header + "." + payload + "." + s.sign(header+"."+payload)
	s.mu.Lock()
	s.issued = append(s.issued, token)
	s.mu.Unlock()
	return token
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func (s *Sandbox) sign(data string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(data))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkToken answers the reason a bearer token is refused, or "".
func (s *Sandbox) checkToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bearer ") {
		return "JWT Token not found"
	}
	token := strings.TrimPrefix(h, "Bearer ")
	parts := strings.Split(token, ".")
	if len(parts) != 3 || !hmac.Equal([]byte(s.sign(parts[0]+"."+parts[1])), []byte(parts[2])) {
		return "Invalid JWT Token"
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct {
		Exp int64 `json:"exp"`
		JTI int64 `json:"jti"`
	}
	if err != nil || json.Unmarshal(raw, &claims) != nil {
		return "Invalid JWT Token"
	}
	s.mu.Lock()
	revoked := claims.JTI <= s.revokedUpTo
	s.mu.Unlock()
	if revoked || !s.clock.Now().Before(time.Unix(claims.Exp, 0)) {
		return "Expired JWT Token"
	}
	return ""
}

// handleLogin serves POST /api/auth/login {"api_key": "..."}, answering {"bearer": "<JWT>"}.
func (s *Sandbox) handleLogin(w http.ResponseWriter, r *http.Request) {
	var body struct {
		APIKey *string `json:"api_key"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.APIKey == nil || *body.APIKey == "" {
		writeValidation(w, fieldErrors{"api_key": {"This value should not be blank."}})
		return
	}
	if !s.validKey(*body.APIKey) {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "Invalid API key"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"bearer": s.issueToken()})
}

func (s *Sandbox) validKey(key string) bool {
	for _, k := range s.cfg.APIKeys {
		if hmac.Equal([]byte(k), []byte(key)) {
			return true
		}
	}
	return false
}

// handleRefresh serves POST /api/auth/refresh (authenticated), answering a new {"bearer": ...}.
func (s *Sandbox) handleRefresh(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"bearer": s.issueToken()})
}
