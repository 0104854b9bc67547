func.func @typo(%arg0: tensor<4x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<4xf32> {
  %0 = quant.dcast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.05:3>> to tensor<4xf32>
  // The op name below is misspelt on purpose.
  tosa.sigmod %0 : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
