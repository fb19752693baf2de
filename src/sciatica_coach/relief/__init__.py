"""The relief toolkit: heat or cold, medicines a doctor prescribed, massage, rest and posture."""
