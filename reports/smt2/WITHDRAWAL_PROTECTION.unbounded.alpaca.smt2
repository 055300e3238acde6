; check: WITHDRAWAL_PROTECTION/unbounded/alpaca
; property: WITHDRAWAL_PROTECTION
; expected: unsat (the property holds)
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
(let ((?x499 (ite has_positions (- ?x927 (ite (>= 2000.0 ?x721) 2000.0 ?x721)) 0.0)))
(let ((?x952 (- ?x927 ?x721)))
(let ((?x953 (ite (<= 0.0 cash) cash 0.0)))
(let (($x1245 (not has_shorts)))
(let ((?x384 (ite $x1245 (ite (<= ?x953 ?x952) ?x953 ?x952) 0.0)))
(let ((?x723 (ite (>= ?x384 ?x499) ?x384 ?x499)))
(let ((?x724 (ite keep_initial (ite (<= 0.0 ?x952) ?x952 0.0) (ite (<= 0.0 ?x723) ?x723 0.0))))
(let (($x424 (< 0.0 ?x724)))
(let (($x1231 (< 0.0 amount)))
(let (($x1181 (and $x1231 (<= amount ?x724))))
(let (($x123 (and (and true (<= 2000.0 (- ?x927 amount))) (<= maintenance (- ?x927 amount)))))
(let (($x733 (and (and true (not keep_initial)) (or (or false (> 0.0 (- cash amount))) has_shorts))))
(let (($x246 (and (and true (<= initial (- ?x927 amount))) (or (not $x733) $x123))))
(let (($x868 (and (and (and true (<= 0.0 ?x724)) (or (not $x1181) $x246)) (or (not (and (and true $x1231) $x246)) $x1181))))
(let (($x435 (and $x868 (not (and (< 0.0 (+ ?x724 (/ 1.0 100.0))) (<= (+ ?x724 (/ 1.0 100.0)) ?x724))))))
(let (($x933 (and $x435 (or (not $x424) (and $x424 (<= ?x724 ?x724))))))
(not $x933))))))))))))))))))))
(check-sat)
