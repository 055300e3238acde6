; check: WITHDRAWAL_PROTECTION/unbounded/alpaca
; property: WITHDRAWAL_PROTECTION
; expected: sat (planted bug forgets_minimum_equity)
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
(declare-fun cash () Real)
(declare-fun keep_initial () Bool)
(declare-fun amount () Real)
(assert
 (<= 0.0 maintenance))
(assert
 (<= maintenance initial))
(assert
 (<= 0.0 long_market_value))
(assert
 (>= 0.0 short_market_value))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (let (($x1240 (and (and (and true (= 0.0 long_market_value)) $x1218) (= 0.0 maintenance))))
 (or (not (not has_positions)) (and $x1240 (= 0.0 initial))))))
(assert
 (let (($x1245 (not has_shorts)))
 (or $x1245 has_positions)))
(assert
 (let (($x1218 (= 0.0 short_market_value)))
 (or (not (not has_shorts)) $x1218)))
(assert
 (let ((?x721 (ite (>= initial maintenance) initial maintenance)))
(let ((?x927 (+ (+ cash long_market_value) short_market_value)))
(let ((?x952 (- ?x927 ?x721)))
(let ((?x644 (ite has_positions ?x952 0.0)))
(let ((?x953 (ite (<= 0.0 cash) cash 0.0)))
(let (($x1245 (not has_shorts)))
(let ((?x384 (ite $x1245 (ite (<= ?x953 ?x952) ?x953 ?x952) 0.0)))
(let ((?x61 (ite (>= ?x384 ?x644) ?x384 ?x644)))
(let ((?x379 (ite (<= 0.0 ?x952) ?x952 0.0)))
(let ((?x1157 (ite keep_initial ?x379 (ite (<= 0.0 ?x61) ?x61 0.0))))
(let (($x80 (< 0.0 ?x1157)))
(let (($x1231 (< 0.0 amount)))
(let (($x68 (and $x1231 (<= amount ?x1157))))
(let (($x123 (and (and true (<= 2000.0 (- ?x927 amount))) (<= maintenance (- ?x927 amount)))))
(let (($x733 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x246 (and (and true (<= initial (- ?x927 amount))) (or (not $x733) $x123))))
(let (($x659 (not (and (and true $x1231) $x246))))
(let (($x701 (and (and (and true (<= 0.0 ?x1157)) (or (not $x68) $x246)) (or $x659 $x68))))
(let (($x1166 (and $x701 (not (and (< 0.0 (+ ?x1157 (/ 1.0 100.0))) (<= (+ ?x1157 (/ 1.0 100.0)) ?x1157))))))
(let (($x127 (and $x1166 (or (not $x80) (and $x80 (<= ?x1157 ?x1157))))))
(not $x127))))))))))))))))))))))
(check-sat)
