// Islands for lutfold-table.

!in = !quant.uniform<i8:f32, 0.05:-3>
!out = !quant.uniform<i8:f32, 0.03:-90>
func.func @silu(%arg0: tensor<4x!in>) -> tensor<4x!out> {
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.mul %0, %1, %shift : (tensor<4xf32>, tensor<4xf32>, tensor<1xi8>) -> tensor<4xf32>
  %3 = quant.qcast %2 : tensor<4xf32> to tensor<4x!out>
  return %3 : tensor<4x!out>
}

// Plain TOSA: |code|.
func.func @abs(%arg0: tensor<4xi8>) -> tensor<4xi8> {
  %0 = tosa.cast %arg0 : (tensor<4xi8>) -> tensor<4xf32>
  %1 = tosa.abs %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = tosa.cast %1 : (tensor<4xf32>) -> tensor<4xi8>
  return %2 : tensor<4xi8>
}

func.func @reduce(%arg0: tensor<4x!in>) -> tensor<1x!out> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.reduce_sum %0 {axis = 0 : i32} : (tensor<4xf32>) -> tensor<1xf32>
  %2 = quant.qcast %1 : tensor<1xf32> to tensor<1x!out>
  return %2 : tensor<1x!out>
}

func.func @unsigned_output(%arg0: tensor<4x!in>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625:0>> {
  %0 = quant.dcast %arg0 : tensor<4x!in> to tensor<4xf32>
  %1 = tosa.sigmoid %0 : (tensor<4xf32>) -> tensor<4xf32>
  %2 = quant.qcast %1 : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.00390625:0>>
  return %2 : tensor<4x!quant.uniform<u8:f32, 0.00390625:0>>
}

// A plain-TOSA int16 island (TensorFlow's spelling): i16 codes to i16 codes.
func.func @plain_int16_tanh(%arg0: tensor<4xi16>) -> tensor<4xi16> {
  %scale = "tosa.const"() <{values = dense<1.22074038E-4> : tensor<1xf32>}> : () -> tensor<1xf32>
  %inverse = "tosa.const"() <{values = dense<32767.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %0 = tosa.cast %arg0 : (tensor<4xi16>) -> tensor<4xf32>
  %1 = tosa.mul %0, %scale, %shift : (tensor<4xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<4xf32>
  %2 = tosa.tanh %1 : (tensor<4xf32>) -> tensor<4xf32>
  %3 = tosa.mul %2, %inverse, %shift : (tensor<4xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<4xf32>
  %4 = tosa.cast %3 : (tensor<4xf32>) -> tensor<4xi16>
  return %4 : tensor<4xi16>
}
