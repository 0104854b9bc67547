// Input of pass-remarks-yaml.test: one chain of each outcome for
// --tosa-compose-tables, one quantize each way for --tosa-expand-qdq.
func.func @chains(%x: tensor<8xi8>, %y: tensor<2x2xi8>) -> (tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<2x2xi8>) {
  %a = tosa.clamp %x {min_val = -100 : i8, max_val = 100 : i8} : (tensor<8xi8>) -> tensor<8xi8>
  %b = tosa.clamp %a {min_val = 0 : i8, max_val = 20 : i8} : (tensor<8xi8>) -> tensor<8xi8>
  %c = tosa.clamp %x {min_val = -128 : i8, max_val = 127 : i8} : (tensor<8xi8>) -> tensor<8xi8>
  %d = tosa.clamp %x {min_val = 0 : i8, max_val = 50 : i8} : (tensor<8xi8>) -> tensor<8xi8>
  %e = tosa.clamp %d {min_val = 0 : i8, max_val = 20 : i8} : (tensor<8xi8>) -> tensor<8xi8>
  %m2 = "tosa.const"() <{values = dense<[1073741824, 1610612736]> : tensor<2xi32>}> : () -> tensor<2xi32>
  %s2 = "tosa.const"() <{values = dense<[31, 31]> : tensor<2xi8>}> : () -> tensor<2xi8>
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %r = tosa.rescale %y, %m2, %s2, %zp, %zp {input_unsigned = false, output_unsigned = false, per_channel = true, rounding_mode = SINGLE_ROUND, scale32 = true} : (tensor<2x2xi8>, tensor<2xi32>, tensor<2xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x2xi8>
  return %b, %c, %d, %r : tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<2x2xi8>
}

func.func @qdq(%x: tensor<4x!quant.uniform<i8:f32, 0.05>>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4x!quant.uniform<u8:f32, 0.1>>) {
  %d = quant.dcast %x : tensor<4x!quant.uniform<i8:f32, 0.05>> to tensor<4xf32>
  %q = quant.qcast %y : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.1>>
  return %d, %q : tensor<4xf32>, tensor<4x!quant.uniform<u8:f32, 0.1>>
}
