// A quantize after a reduction: not an element-wise island, so the fold
// leaves it in float.
func.func @reduce(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:-3>>) -> tensor<1x!quant.uniform<i8:f32, 0.1:0>> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:-3>> to tensor<4xf32>
  %1 = tosa.reduce_sum %0 {axis = 0 : i32} : (tensor<4xf32>) -> tensor<1xf32>
  %2 = quant.qcast %1 : tensor<1xf32> to tensor<1x!quant.uniform<i8:f32, 0.1:0>>
  return %2 : tensor<1x!quant.uniform<i8:f32, 0.1:0>>
}
