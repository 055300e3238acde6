; check: WITHDRAWAL_PROTECTION/unbounded/alpaca
; property: WITHDRAWAL_PROTECTION
; expected: sat (the premises are satisfiable: the proof is not vacuous)
; rlimit: 20000000
(set-logic ALL)
; benchmark generated from python API
(set-info :status unknown)
(declare-fun maintenance () Real)
(declare-fun initial () Real)
(declare-fun long_market_value () Real)
(declare-fun short_market_value () Real)
(declare-fun has_positions () Bool)
(declare-fun has_shorts () Bool)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x1162 (= 0.0 short_market_value)))
 (let (($x71 (and (and (and true (= 0.0 long_market_value)) $x1162) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x71 (= 0.0 initial))))))
(assert
 (let (($x222 (not has_shorts)))
 (or $x222 has_positions)))
(assert
 (let (($x1162 (= 0.0 short_market_value)))
(or (not (not has_shorts)) $x1162)))
(check-sat)
